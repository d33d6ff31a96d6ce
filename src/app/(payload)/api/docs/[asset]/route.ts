import { docsAsset } from '@/partnerAPI/docsPage'

type Context = { params: Promise<{ asset: string }> }

// The viewer's script and stylesheets (src/partnerAPI/docsPage.ts says why from here).
export const GET = async (_request: Request, { params }: Context) => {
  const asset = await docsAsset((await params).asset)
  if (!asset) {
    return Response.json(
      { errors: [{ message: 'No such file of the API reference.' }] },
      { status: 404 },
    )
  }
  return new Response(new Uint8Array(Buffer.from(asset.body)), {
    headers: {
      'Content-Type': asset.type,
      // Changes with a deployment; an hour keeps the 1.5 MB bundle from being fetched again.
      'Cache-Control': 'public, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
