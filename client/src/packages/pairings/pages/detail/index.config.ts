export default definePageConfig({ navigationBarTitleText: '结对详情' })
