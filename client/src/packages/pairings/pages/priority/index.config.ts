export default definePageConfig({ navigationBarTitleText: '重点儿童未结对' })
