// ESLint plugin with one rule, `client-boundary/no-server-imports`: a module whose first statement
// is the "use client" directive is bundled for the browser, together with everything it imports at
// runtime. The rule reports runtime imports (static, re-exports, dynamic `import()`) of
// - anything under db/ (the schema pulls drizzle; the client module pulls the database driver),
// - the `server-only` package and project modules that import it,
// - node built-ins (`node:*` and bare names such as `crypto`, which bundlers replace by large
//   browser polyfills),
// - packages named in the `forbiddenPackages` option (e.g. drizzle-orm, pg) and their subpaths,
// and follows project-local imports (`@/…` and relative paths) transitively, so a client component
// that imports lib/x.ts, which imports node:crypto, is reported with the chain that leads there.
// Type-only imports (`import type`, `import { type X }` with only type specifiers) are erased by
// the compiler and never reported. A module reached through the chain that is itself "use client"
// is linted on its own and not followed; a "use server" module (server actions) is not followed
// either: the client receives references to its functions, not its code.
import fs from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import ts from "typescript";

const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];
const BUILTINS = new Set(builtinModules);

/** @typedef {{ source: string, dynamic: boolean }} ImportRef */
/** @typedef {{ useClient: boolean, useServer: boolean, serverOnly: boolean, imports: ImportRef[] }} ModuleInfo */

/** Parsed modules by absolute path, reused while the file is unchanged (ESLint lints many files per run). */
const moduleCache = new Map();

function isBuiltin(source) {
  return source.startsWith("node:") || BUILTINS.has(source);
}

function resolveFile(base) {
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, "index" + e))];
  // `./x.js` written for a `./x.ts` source (TypeScript's ESM convention).
  const ext = path.extname(base);
  if (ext === ".js" || ext === ".mjs" || ext === ".jsx") {
    const stem = base.slice(0, -ext.length);
    candidates.push(stem + ".ts", stem + ".tsx", stem + ".mts");
  }
  for (const c of candidates) {
    try {
      if (fs.statSync(c).isFile()) return c;
    } catch {
      // not this candidate
    }
  }
  return null;
}

/** The project path a specifier points at (may not exist), or null for a package. */
function projectPath(source, fromFile, root) {
  if (source.startsWith("@/")) return path.join(root, source.slice(2));
  if (source === "." || source === ".." || source.startsWith("./") || source.startsWith("../")) {
    return path.resolve(path.dirname(fromFile), source);
  }
  if (path.isAbsolute(source)) return source;
  return null;
}

function scriptKind(file) {
  if (file.endsWith(".tsx")) return ts.ScriptKind.TSX;
  if (file.endsWith(".jsx")) return ts.ScriptKind.JSX;
  if (/\.[mc]?js$/.test(file)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

function typeOnlyImport(node) {
  const clause = node.importClause;
  if (!clause) return false; // `import "x"` runs x
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  if (!bindings || !ts.isNamedImports(bindings)) return false;
  return bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function typeOnlyExport(node) {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}

/** @returns {ModuleInfo | null} */
function readModule(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return null;
  }
  const cached = moduleCache.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.info;
  const text = fs.readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, scriptKind(file));
  /** @type {ModuleInfo} */
  const info = { useClient: false, useServer: false, serverOnly: false, imports: [] };
  const first = sf.statements[0];
  const directive = first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) ? first.expression.text : null;
  info.useClient = directive === "use client";
  info.useServer = directive === "use server";
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      if (!st.importClause && st.moduleSpecifier.text === "server-only") info.serverOnly = true;
      if (!typeOnlyImport(st)) info.imports.push({ source: st.moduleSpecifier.text, dynamic: false });
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
      if (!typeOnlyExport(st)) info.imports.push({ source: st.moduleSpecifier.text, dynamic: false });
    }
  }
  const visit = (node) => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))) {
        info.imports.push({ source: arg.text, dynamic: true });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  moduleCache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, info });
  return info;
}

/**
 * Checks one import of `fromFile`; returns the first violation found as
 * `{ kind, target, chain }` (chain: project files passed through, relative to root), or null.
 */
function findViolation(source, fromFile, options, visited, chain) {
  const { root, forbiddenPackages } = options;
  const rel = (f) => path.relative(root, f).split(path.sep).join("/");
  if (source === "server-only") return { kind: "serverOnlyPackage", target: source, chain };
  const target = projectPath(source, fromFile, root);
  if (target === null) {
    if (isBuiltin(source)) return { kind: "builtin", target: source, chain };
    if (forbiddenPackages.some((p) => source === p || source.startsWith(p + "/"))) return { kind: "forbiddenPackage", target: source, chain };
    return null; // other packages are not followed
  }
  const file = resolveFile(target) ?? target;
  const relFile = rel(file);
  if (relFile === "db" || relFile.startsWith("db/")) return { kind: "db", target: relFile, chain };
  if (visited.has(file)) return null;
  visited.add(file);
  const info = readModule(file);
  if (!info) return null; // unresolved: TypeScript reports it
  if (info.serverOnly) return { kind: "serverOnlyModule", target: relFile, chain };
  if (info.useClient) return null; // linted on its own
  // Server actions: the bundler gives the client a reference to call, none of the module's code.
  if (info.useServer) return null;
  for (const imp of info.imports) {
    const found = findViolation(imp.source, file, options, visited, [...chain, relFile]);
    if (found) return found;
  }
  return null;
}

const DESCRIPTIONS = {
  db: (t) => `the database layer "${t}"`,
  serverOnlyPackage: () => `"server-only"`,
  serverOnlyModule: (t) => `the server-only module "${t}"`,
  builtin: (t) => `the node built-in "${t}"`,
  forbiddenPackage: (t) => `the package "${t}", which stays out of browser bundles`,
};

function isUseClient(program) {
  const first = program.body[0];
  return !!first && first.type === "ExpressionStatement" && first.directive === "use client";
}

/** Whether an ESTree import/export declaration is erased by the compiler. */
function estreeTypeOnly(node) {
  if (node.importKind === "type" || node.exportKind === "type") return true;
  const specs = node.specifiers ?? [];
  if (specs.length === 0) return false;
  return specs.every(
    (s) => (s.type === "ImportSpecifier" && s.importKind === "type") || (s.type === "ExportSpecifier" && s.exportKind === "type"),
  );
}

/** @type {import("eslint").Rule.RuleModule} */
const noServerImports = {
  meta: {
    type: "problem",
    docs: {
      description:
        'Forbid "use client" modules from importing db/, server-only code, node built-ins or forbidden packages, directly or through project modules',
    },
    schema: [
      {
        type: "object",
        properties: {
          root: { type: "string" },
          forbiddenPackages: { type: "array", items: { type: "string" } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      forbidden:
        '"use client" module imports {{what}}{{via}}; it would ship server code to the browser. Import shared constants from a dependency-free module (e.g. lib/enums.ts) and keep server code behind server actions or route handlers.',
    },
  },
  create(context) {
    if (!isUseClient(context.sourceCode.ast)) return {};
    const opts = context.options[0] ?? {};
    const options = {
      root: path.resolve(opts.root ?? context.cwd),
      forbiddenPackages: opts.forbiddenPackages ?? [],
    };
    const filename = path.resolve(context.cwd, context.filename);

    function check(node, sourceNode) {
      if (!sourceNode) return;
      let source;
      if (sourceNode.type === "Literal" && typeof sourceNode.value === "string") source = sourceNode.value;
      else if (sourceNode.type === "TemplateLiteral" && sourceNode.expressions.length === 0) source = sourceNode.quasis[0].value.cooked;
      else return;
      const found = findViolation(source, filename, options, new Set(), []);
      if (!found) return;
      const via = found.chain.length > 0 ? ` (via ${[...found.chain, found.target].join(" → ")})` : "";
      context.report({ node, messageId: "forbidden", data: { what: DESCRIPTIONS[found.kind](found.target), via } });
    }

    return {
      ImportDeclaration(node) {
        if (!estreeTypeOnly(node)) check(node, node.source);
      },
      ExportNamedDeclaration(node) {
        if (node.source && !estreeTypeOnly(node)) check(node, node.source);
      },
      ExportAllDeclaration(node) {
        if (!estreeTypeOnly(node)) check(node, node.source);
      },
      ImportExpression(node) {
        check(node, node.source);
      },
    };
  },
};

export default {
  meta: { name: "client-boundary" },
  rules: { "no-server-imports": noServerImports },
};
