export default definePageConfig({ navigationBarTitleText: '委托照护' })
