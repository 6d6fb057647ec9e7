export default definePageConfig({ navigationBarTitleText: '牵手童行' })
