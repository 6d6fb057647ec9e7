export default definePageConfig({ navigationBarTitleText: '档案转移' })
