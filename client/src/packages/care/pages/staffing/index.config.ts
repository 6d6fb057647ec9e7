export default definePageConfig({ navigationBarTitleText: '儿童主任配备与培训' })
