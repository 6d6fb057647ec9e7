import type { UserConfigExport } from '@tarojs/cli'

// Plain `taro build` runs with NODE_ENV=production: minified, which is what the size budget measures.
export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
