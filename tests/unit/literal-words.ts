import ts from "typescript";

// Visible words: letters of any script. Symbols, numbers and the brand are not words to translate.
const untranslatable = new Set(["Atelier", "ECR", "ECO", "ECN", "NPD", "SSO", "CSV", "API", "PDF"]);
function isWords(text: string): boolean {
  const trimmed = text.replace(/\s+/g, " ").trim();
  return /\p{L}{2,}/u.test(trimmed) && !untranslatable.has(trimmed);
}

const visibleAttributes = new Set(["aria-label", "aria-description", "title", "placeholder", "alt", "label"]);

/** The literal words of a component file: JSX text and visible attributes given as string literals. */
export function literalWords(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && isWords(node.text)) found.push(node.text.trim());
    if (ts.isJsxAttribute(node) && visibleAttributes.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer) && isWords(node.initializer.text)) {
      found.push(`${node.name.getText()}="${node.initializer.text}"`);
    }
    if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteral(node.expression) && isWords(node.expression.text) && ts.isJsxElement(node.parent)) {
      found.push(node.expression.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
