// Which files the generic layer (no-generic-secret) reads: every text file by its content, except
// generated text whose "assignments" are not anyone's config: lockfiles, minified bundles, source maps.

const LOCKFILES =
  /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.ya?ml|bun\.lockb?|composer\.lock|Gemfile\.lock|Cargo\.lock|poetry\.lock|Pipfile\.lock|uv\.lock|go\.sum|mix\.lock|pubspec\.lock|Podfile\.lock|packages\.lock\.json|flake\.lock|\.terraform\.lock\.hcl|[^/]+\.lock)$/;
const GENERATED = /\.min\.[a-z]{2,4}$|\.map$|\.snap$/i;
// Documentation, like Markdown: code samples there show how to call an API, with made-up values.
const DOCUMENTATION = /\.(?:mdx|rst|adoc|asciidoc|txt\.md|tex|org|ipynb|html?)$/i;

/** Mean line length above which a file is a bundle or a data blob, not something a person wrote. */
const MINIFIED_LINE = 400;
const SAMPLE = 65536;

/** True when the generic layer should read this file (its kind aside). */
export function isReadByGenericLayer(path: string, text: string): boolean {
  if (LOCKFILES.test(path) || GENERATED.test(path) || DOCUMENTATION.test(path)) return false;
  return !isMinified(text);
}

function isMinified(text: string): boolean {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  if (sample.length < 2000) return false;
  let lines = 1;
  for (let i = sample.indexOf("\n"); i !== -1; i = sample.indexOf("\n", i + 1)) lines++;
  return sample.length / lines > MINIFIED_LINE;
}

// Text files in a programming language: a bare word there is an expression (`token := r.Header.Get(…)`),
// so only quoted literals count. Everything else read as text (no extension, .conf, .ini, .txt,
// .properties, shell, XML) is configuration, where the bare word is the value.
const CODE_TEXT_FILES =
  /\.(?:py|pyw|rb|go|php|phtml|java|kt|kts|scala|cs|fs|vb|swift|rs|gradle|groovy|ex|exs|pl|pm|r|ps1|psm1|c|h|cc|cpp|cxx|hpp|m|mm|lua|dart|vue|svelte|astro|clj|cljs|hs|erl|ml|jl|nim|zig|sol|coffee|cr|tcl)$/i;

export function isCodeTextFile(path: string): boolean {
  return CODE_TEXT_FILES.test(path);
}

/** A text file holding XML (by extension or by its first character), whose attributes and elements pair names with values. */
export function isXmlText(path: string, text: string): boolean {
  if (/\.(?:xml|config|xaml|plist|xsd|wsdl|jnlp|launch|csproj|pubxml)$/i.test(path)) return true;
  return /^\s{0,200}</.test(text.slice(0, 256));
}
