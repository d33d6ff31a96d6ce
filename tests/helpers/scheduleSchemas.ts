import type { ErrorObject } from 'ajv'

import Ajv from 'ajv'
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' }
import addFormats from 'ajv-formats'
import fs from 'node:fs'
import path from 'node:path'
import { validateXML } from 'xmllint-wasm'

// Validators for the c3voc/frab schedule format, from the schemas it publishes
// (tests/fixtures/schedule/SOURCE.md): ajv for schedule.json, libxml2's xmllint (compiled to
// WebAssembly, nothing to download) for schedule.xml.

const fixtures = path.resolve('tests/fixtures/schedule')

const jsonSchema = JSON.parse(fs.readFileSync(path.join(fixtures, 'schema.json'), 'utf8'))
const xsd = fs.readFileSync(path.join(fixtures, 'schedule.xml.xsd'), 'utf8')

// The schema is draft-06 and carries notes of its own (`$oneOf`, `$todo`) that are not keywords:
// strict mode would refuse them. `color` is its own format, a CSS hex colour.
const ajv = new Ajv({ strict: false, allErrors: true })
ajv.addMetaSchema(draft06)
addFormats(ajv)
ajv.addFormat('color', /^#[0-9a-fA-F]{6}$/)
const validateSchedule = ajv.compile(jsonSchema)

const describeErrors = (errors: ErrorObject[] | null | undefined): string[] =>
  (errors ?? []).map(({ instancePath, message }) => `${instancePath || '/'} ${message}`)

export const scheduleJSONErrors = (document: unknown): string[] =>
  validateSchedule(document) ? [] : describeErrors(validateSchedule.errors)

export const scheduleXMLErrors = async (document: string): Promise<string[]> => {
  const { valid, errors } = await validateXML({
    xml: { fileName: 'schedule.xml', contents: document },
    schema: { fileName: 'schedule.xml.xsd', contents: xsd },
  })
  return valid ? [] : errors.map(({ rawMessage }) => rawMessage)
}
