export default definePageConfig({ navigationBarTitleText: '走访待确认' })
