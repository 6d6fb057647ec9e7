export default definePageConfig({ navigationBarTitleText: '我担心这个孩子' })
