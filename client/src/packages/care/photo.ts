/**
 * A photo from the camera or album, as the API takes it (base64 in JSON). The phone compresses it
 * first; the weapp reads the temp file with the file system manager, H5 reads the picked blob.
 */
import Taro from '@tarojs/taro'

export interface PickedPhoto {
  contentType: 'image/jpeg' | 'image/png'
  dataBase64: string
}

function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(blob)
  })
}

export async function pickPhoto(): Promise<PickedPhoto | null> {
  const picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] }).catch(() => null)
  const path = picked?.tempFilePaths[0]
  if (!path) return null
  if (process.env.TARO_ENV === 'h5') {
    const blob = await (await fetch(path)).blob()
    return { contentType: blob.type === 'image/png' ? 'image/png' : 'image/jpeg', dataBase64: await blobToBase64(blob) }
  }
  const dataBase64 = Taro.getFileSystemManager().readFileSync(path, 'base64') as string
  return { contentType: /\.png$/i.test(path) ? 'image/png' : 'image/jpeg', dataBase64 }
}
