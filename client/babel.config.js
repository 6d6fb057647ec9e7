// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
  plugins: [
    // Rewrites `import { Button } from '@nutui/nutui-react-taro'` to the component's own module plus
    // its compiled CSS, so only the components we use land in the weapp main package (2 MB limit).
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        style: (path) => `${path}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
}
