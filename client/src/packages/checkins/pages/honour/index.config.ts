export default definePageConfig({ navigationBarTitleText: '好人榜' })
