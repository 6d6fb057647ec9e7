export default definePageConfig({ navigationBarTitleText: '结对儿童' })
