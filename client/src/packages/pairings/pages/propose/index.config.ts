export default definePageConfig({ navigationBarTitleText: '推荐爱心家长' })
