export default definePageConfig({ navigationBarTitleText: '心理和行为关注' })
