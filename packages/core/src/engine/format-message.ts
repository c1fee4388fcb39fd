// Fills a message template's {{placeholders}}; an unknown placeholder is a rule bug, so it throws.
export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_match, name: string) => {
    const value = data?.[name];
    if (value === undefined) throw new Error(`The message "${template}" needs data.${name}.`);
    return String(value);
  });
}
