export default definePageConfig({ navigationBarTitleText: '走访任务' })
