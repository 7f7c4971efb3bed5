// A local ESLint rule that enforces the layering of DESIGN.md section 2.
//
// Why not `no-restricted-imports`: its patterns match the import *string*, so
// `../electron/x` from `renderer/a/b.ts` (which points at renderer/electron)
// and `../../electron/x` (which really leaves the renderer) cannot be told apart.
// This rule resolves relative specifiers against the importing file and judges
// the top-level folder the import actually lands in.
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const LAYERS = ['shared', 'renderer', 'electron', 'server'];

/** Which layers each layer may import from (itself is always allowed). */
const MAY_IMPORT = {
  shared: [],
  renderer: ['shared'],
  electron: ['shared'],
  server: ['shared'],
};

/**
 * Third-party modules that live behind one seam each.
 * `allowedUnder` lists repo-relative folder prefixes (or exact files) that may import them.
 */
const SEAMS = [
  { module: /^dexie($|\/)|^dexie-react-hooks$/, allowedUnder: ['renderer/src/data/'], why: 'dexie is used only in renderer/src/data' },
  { module: /^electron($|\/)/, allowedUnder: ['electron/'], why: 'electron is imported only under electron/' },
  { module: /^(pg|@electric-sql\/pglite)($|\/)/, allowedUnder: ['server/src/db/'], why: 'the database driver is used only in server/src/db' },
];

function layerOf(absFile) {
  const rel = path.relative(ROOT, absFile).split(path.sep);
  return LAYERS.includes(rel[0]) ? rel[0] : null;
}

function repoRelative(absFile) {
  return path.relative(ROOT, absFile).split(path.sep).join('/');
}

/** @type {import('eslint').Rule.RuleModule} */
export const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'enforce the layering between shared/, renderer/, electron/ and server/' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const fromLayer = layerOf(file);
    const fromRel = repoRelative(file);
    const isTestFile = /\.test\.tsx?$/.test(file);

    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      if (specifier.startsWith('.')) {
        if (!fromLayer) return;
        const target = path.resolve(path.dirname(file), specifier);
        const toLayer = layerOf(target);
        if (toLayer && toLayer !== fromLayer && !MAY_IMPORT[fromLayer].includes(toLayer)) {
          context.report({ node, message: `${fromLayer}/ may not import from ${toLayer}/ (layering: only shared/ and itself)` });
        }
        return;
      }
      for (const seam of SEAMS) {
        if (!seam.module.test(specifier)) continue;
        // Tests may use the engine directly to prove the seam (e.g. fake-indexeddb + dexie).
        if (isTestFile && fromLayer && seam.allowedUnder.some((p) => p.startsWith(fromLayer + '/'))) continue;
        if (!seam.allowedUnder.some((p) => fromRel.startsWith(p))) {
          context.report({ node, message: `'${specifier}' is not allowed here: ${seam.why}` });
        }
      }
      if (/^electron($|\/)/.test(specifier) && fromLayer === 'electron') {
        // ipcRenderer only in the preload
        const named = node.specifiers?.filter((s) => s.type === 'ImportSpecifier').map((s) => s.imported.name) ?? [];
        if (named.includes('ipcRenderer') && !/^electron\/preload(\.ts|\/)/.test(fromRel)) {
          context.report({ node, message: 'ipcRenderer is used only in the preload (electron/preload.ts)' });
        }
      }
    }

    return {
      ImportDeclaration(node) { check(node, node.source.value); },
      ExportNamedDeclaration(node) { if (node.source) check(node, node.source.value); },
      ExportAllDeclaration(node) { check(node, node.source.value); },
      ImportExpression(node) { if (node.source.type === 'Literal') check(node, node.source.value); },
    };
  },
};

export default { rules: { boundaries } };
