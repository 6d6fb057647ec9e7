export default definePageConfig({ navigationBarTitleText: '报名成为爱心家长' })
