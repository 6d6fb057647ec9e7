// Must stay the first import: zod picks its parser when a schema is built, so jitless has to be
// set before @qstx/shared is loaded.
import './setup/zod'
import './setup/h5-root-font'
import { createElement, type PropsWithChildren } from 'react'
import { useDidShow } from '@tarojs/taro'
import { QueryClientProvider } from '@tanstack/react-query'
import { queryClient } from './api/query-client'
import { flushOutbox, startOutboxSync } from './offline/sync'
import './app.scss'

// Check-ins recorded without signal go out when the network returns (offline/sync.ts).
startOutboxSync()

// No JSX here so the entry can keep the plain .ts name; children are the pages Taro renders.
function App({ children }: PropsWithChildren) {
  // …and whenever the app comes to the front (launch included).
  useDidShow(() => void flushOutbox())
  return createElement(QueryClientProvider, { client: queryClient }, children)
}

export default App
