export default definePageConfig({ navigationBarTitleText: '强制报告处理' })
