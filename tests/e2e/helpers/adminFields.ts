import type { Locator, Page } from 'playwright-core'

import { expect } from 'vitest'

// How a staff member works Payload's fields: by clicking and typing into what the admin renders,
// never by setting form state. Selectors are Payload's own ids and classes (field-<path>, rs__*
// for its react-select pickers), so they hold in either admin language.

export const fieldOf = (page: Page | Locator, path: string) => page.locator(`#field-${path}`)

// Opens a relationship picker, searches as a person types, and picks the option that shows the
// expected label. The picker's search runs through the API guard (method override): this is the
// request that once failed with "An error has occurred".
export const pick = async ({
  page,
  path,
  search,
  option,
}: {
  page: Page
  path: string
  search: string
  option: RegExp
}) => {
  const field = fieldOf(page, path)
  // Typing into the picker's own input: a click on the control could land on a chosen value's
  // edit button, which opens that document in a drawer.
  await field.locator('input.rs__input').focus()
  await page.keyboard.type(search)
  const choice = page.locator('.rs__option', { hasText: option }).first()
  await choice.waitFor({ timeout: 20_000 })
  await choice.click()
  await field
    .locator('.rs__single-value, .rs__multi-value')
    .filter({ hasText: option })
    .first()
    .waitFor({ timeout: 10_000 })
}

// Chooses from a picker's list without typing: for short lists (a forum's editions) whose labels
// are not what the picker searches by.
export const choose = async ({
  page,
  path,
  option,
}: {
  page: Page
  path: string
  option: RegExp
}) => {
  const field = fieldOf(page, path)
  await field.locator('input.rs__input').focus()
  await page.keyboard.press('ArrowDown')
  await page.locator('.rs__option', { hasText: option }).first().click({ timeout: 20_000 })
  await field.locator('.rs__single-value').filter({ hasText: option }).first().waitFor({
    timeout: 10_000,
  })
}

// What a picker shows as chosen (its labels), for checking names rather than ids.
export const pickedLabels = (page: Page, path: string) =>
  fieldOf(page, path).locator('.rs__single-value, .rs__multi-value').allInnerTexts()

// Adds a row to an array field with its "Add …" button and returns the new row's index.
export const addRow = async (page: Page, path: string): Promise<number> => {
  const rows = fieldOf(page, path).locator(':scope > .array-field__draggable-rows > *')
  const before = await rows.count()
  await fieldOf(page, path).locator('.array-field__add-row').last().click()
  await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(before + 1)
  return before
}

export const typeText = async (page: Page, path: string, text: string) => {
  await fieldOf(page, path).fill(text)
}

// Lexical: the field's editable area takes typing like any text box. Its wrapper has no field
// id, only a label for one.
export const typeRichText = async (page: Page, path: string, text: string) => {
  const editor = page
    .locator('.rich-text-lexical', { has: page.locator(`label[for="field-${path}"]`) })
    .locator('[contenteditable="true"]')
    .first()
  await editor.click()
  await page.keyboard.type(text)
}

// The date picker takes its display format ("30 Oct 2022, 14:00") typed into its input.
export const typeDate = async (page: Page, path: string, value: string) => {
  const input = fieldOf(page, path).locator('.react-datepicker__input-container input')
  await input.click()
  await input.fill(value)
  await input.press('Enter')
  await page.keyboard.press('Escape')
}

export const selectOption = async ({
  page,
  path,
  option,
}: {
  page: Page
  path: string
  option: RegExp
}) => {
  const field = fieldOf(page, path)
  await field.locator('.rs__control').click()
  await page.locator('.rs__option', { hasText: option }).first().click()
}
