export default definePageConfig({ navigationBarTitleText: '结对台账' })
