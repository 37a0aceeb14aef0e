/**
 * Builds the task pane, the ribbon function file and the dialog into dist/.
 * Production builds rewrite the manifest's development address to the server's address
 * (one setting: the environment variable ADDIN_PRODUCTION_URL). Without it, a production
 * build leaves dist/manifest.xml out and says so loudly: a manifest pointing at a made-up
 * server would be handed out and fail in every user's Excel with an opaque error. The test
 * build of the preview page (--env preview) uses PLACEHOLDER_URL.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const PLACEHOLDER_URL = "https://cchc.example.gov.vn/addin/";

/** The server's address from ADDIN_PRODUCTION_URL, checked: HTTPS, ending in "/". */
function productionUrl() {
  const given = process.env.ADDIN_PRODUCTION_URL;
  if (!given) return null;
  let url;
  try {
    url = new URL(given);
  } catch {
    url = null;
  }
  if (!url || url.protocol !== "https:" || !given.endsWith("/")) {
    throw new Error(
      `ADDIN_PRODUCTION_URL="${given}" không hợp lệ: cần địa chỉ HTTPS kết thúc bằng "/", ví dụ https://may-chu-noi-bo.xa.gov.vn/cham-diem-cchc/`
    );
  }
  return given;
}

/** Said on the console when a production build has no server address. */
const NO_MANIFEST_WARNING = [
  "",
  "!!! CHƯA GHI dist/manifest.xml: thiếu biến môi trường ADDIN_PRODUCTION_URL (địa chỉ máy chủ HTTPS đặt thư mục dist/).",
  "!!! Dựng lại với địa chỉ thật, ví dụ: ADDIN_PRODUCTION_URL=https://may-chu-noi-bo.xa.gov.vn/cham-diem-cchc/ npm run build",
  "!!! (The production build has no manifest: set ADDIN_PRODUCTION_URL to the HTTPS address dist/ is served from.)",
  "",
].join("\n");

/**
 * The language level of the bundles: ES2022. Fluent UI v9 ships it (its focus library,
 * tabster, uses class static blocks and ??=), and every webview that runs the pane parses
 * it: WebView2 (Chromium) on Windows, WKWebView on the macOS versions Office for Mac
 * supports (Safari 16.4 and later), current browsers for Excel on the web. Internet
 * Explorer 11 (Trident) and Microsoft Edge Legacy (EdgeHTML) cannot run the pane at any
 * level (React 19 and Fluent UI v9 do not support them): src/taskpane/legacy-webview-guard.js
 * (ES5, run first) shows them a Vietnamese message instead. test/browser checks that every
 * shipped script parses at this level and the guard as ES5.
 */
const LANGUAGE_LEVEL = "es2022";

/**
 * The pages load only themselves and Office.js; no other network access. The task pane
 * (`worker`) also starts the Web Worker it reads picked files in from a Blob URL (blob:
 * only for workers; scripts still come from 'self' and Office.js).
 */
function contentSecurityPolicy(dev, { worker = false } = {}) {
  const office = "https://appsforoffice.microsoft.com";
  const devConnect = dev ? " wss://localhost:* https://localhost:*" : "";
  return [
    "default-src 'self'",
    `script-src 'self' ${office}`,
    ...(worker ? ["worker-src blob:"] : []),
    // Fluent UI (Griffel) inserts its generated styles at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${office}${devConnect}`,
    `frame-src ${office}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * The scoring page (src/web) loads only its own files and starts its worker from a Blob URL;
 * it connects nowhere ("connect-src 'none'"), from file:// or any server path.
 */
const WEB_CSP = [
  "default-src 'none'",
  "script-src 'self' file:",
  "worker-src blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/**
 * The worker bundle of the page and the task pane (src/web/worker.ts), built with esbuild
 * into build/web-worker.js and inlined into both (asset/source): a worker file cannot be
 * loaded from file://, and a Blob URL works wherever the pane is served.
 */
function buildWebWorker() {
  const out = path.resolve(__dirname, "build", "web-worker.js");
  require("esbuild").buildSync({
    entryPoints: [path.resolve(__dirname, "src/web/worker.ts")],
    bundle: true,
    minify: true,
    format: "iife",
    target: LANGUAGE_LEVEL,
    outfile: out,
    logLevel: "warning",
  });
  return out;
}

async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

module.exports = async (env, options) => {
  env = env || {};
  const dev = options.mode === "development";
  const serverUrl = dev ? DEV_URL : env.preview ? PLACEHOLDER_URL : productionUrl();
  if (!serverUrl) process.stderr.write(`${NO_MANIFEST_WARNING}\n`);
  // Said again after webpack's own output, where the eye is when the build ends.
  const warnAtEnd = {
    apply(compiler) {
      compiler.hooks.done.tap("NoManifestWarning", () =>
        process.stderr.write(`${NO_MANIFEST_WARNING}\n`)
      );
    },
  };
  const page = (name, template, chunks, { worker = false } = {}) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template,
      chunks,
      csp: contentSecurityPolicy(dev, { worker }),
    });
  const workerBundle = buildWebWorker();
  const entry = {
    taskpane: "./src/taskpane/index.tsx",
    commands: "./src/commands/index.ts",
    dialog: "./src/dialog/dialog.ts",
    // The scoring page: dist/web/index.html and dist/web/web.js, relative paths only.
    "web/web": "./src/web/index.tsx",
  };
  const pages = [
    page("taskpane", "./src/taskpane/taskpane.html", ["taskpane"], { worker: true }),
    page("commands", "./src/commands/commands.html", ["commands"]),
    page("dialog", "./src/dialog/dialog.html", ["dialog"]),
    new HtmlWebpackPlugin({
      filename: "web/index.html",
      template: "./src/web/index.html",
      chunks: ["web/web"],
      csp: WEB_CSP,
    }),
  ];
  if (env.preview) {
    // Test-only page: the real pane against a fake workbook holding the bundled sample.
    entry.preview = "./test/browser/preview.tsx";
    pages.push(page("preview", "./test/browser/preview.html", ["preview"], { worker: true }));
  }
  return {
    devtool: "source-map",
    target: ["web", LANGUAGE_LEVEL],
    entry,
    output: {
      path: env.outputPath ? path.resolve(env.outputPath) : path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      alias: { "web-worker-bundle$": workerBundle },
    },
    module: {
      rules: [
        { resource: workerBundle, type: "asset/source" },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { module: "esnext", target: LANGUAGE_LEVEL, sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/dialog/dialog.css", to: "dialog.css" },
          { from: "src/help.html", to: "help.html" },
          { from: "src/taskpane/legacy-webview-guard.js", to: "legacy-webview-guard.js" },
          ...(serverUrl
            ? [
                {
                  from: "manifest.xml",
                  to: "manifest.xml",
                  transform(content) {
                    if (dev) return content;
                    // Page and icon URLs move under the server's address; the AppDomain is its origin.
                    return content
                      .toString()
                      .replace(new RegExp(DEV_URL, "g"), serverUrl)
                      .replace(new RegExp(DEV_URL.slice(0, -1), "g"), new URL(serverUrl).origin);
                  },
                },
              ]
            : []),
        ],
      }),
      ...pages,
      ...(serverUrl ? [] : [warnAtEnd]),
    ],
    performance: { maxAssetSize: 2_000_000, maxEntrypointSize: 2_000_000 },
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: env.WEBPACK_BUILD ? {} : await httpsOptions() },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
};

module.exports.LANGUAGE_LEVEL = LANGUAGE_LEVEL;
