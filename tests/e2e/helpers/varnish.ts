import type { ChildProcess } from 'node:child_process'

import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// Debian's varnishd with the configuration the README gives operators (deploy/varnish/
// default.vcl), its one backend replaced by the test's instances in turn.

export type VarnishServer = { url: string; stop: () => Promise<void> }

const withBackends = (vcl: string, ports: number[]) => {
  const backends = ports
    .map((port, index) => `backend site${index} {\n  .host = "127.0.0.1";\n  .port = "${port}";\n}`)
    .join('\n')
  const director = `import directors;
${backends}
sub vcl_init {
  new sites = directors.round_robin();
${ports.map((_, index) => `  sites.add_backend(site${index});`).join('\n')}
}
# Defined first, so it runs before the shipped vcl_recv returns.
sub vcl_recv {
  set req.backend_hint = sites.backend();
}`
  const shipped = /backend site \{[^}]*\}/
  if (!shipped.test(vcl)) throw new Error('deploy/varnish/default.vcl has no `backend site` block')
  return vcl.replace(shipped, director)
}

export const startVarnish = async ({
  port,
  backends,
}: {
  port: number
  backends: number[]
}): Promise<VarnishServer> => {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cifcc-varnish-'))
  const vclFile = path.join(workDir, 'default.vcl')
  const vcl = fs.readFileSync(path.resolve('deploy/varnish/default.vcl'), 'utf8')
  fs.writeFileSync(vclFile, withBackends(vcl, backends))
  const child: ChildProcess = spawn(
    'varnishd',
    [
      ...['-F', '-j', 'none', '-a', `127.0.0.1:${port}`, '-f', vclFile],
      ...['-n', path.join(workDir, 'state'), '-s', 'malloc,64m', '-p', 'timeout_idle=65'],
    ],
    // Its stderr is shown only if it does not start ("Manager got SIGTERM" at every stop is not news).
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
  let errors = ''
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()))
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const url = `http://127.0.0.1:${port}`
  for (let attempt = 0; ; attempt += 1) {
    try {
      await (await fetch(`${url}/api/health/live`)).arrayBuffer()
      break
    } catch (error) {
      if (attempt > 100 || child.exitCode !== null) {
        throw new Error(`varnishd did not start: ${String(error)}\n${errors}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
      fs.rmSync(workDir, { recursive: true, force: true })
    },
  }
}
