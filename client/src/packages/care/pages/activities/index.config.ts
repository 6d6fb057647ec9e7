export default definePageConfig({ navigationBarTitleText: '关爱活动' })
