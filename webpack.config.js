/**
 * Builds the task pane, the ribbon function file and the dialog into dist/.
 * Production builds rewrite the manifest's development address to PRODUCTION_URL
 * (one setting: the environment variable ADDIN_PRODUCTION_URL, or the default below).
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const PRODUCTION_URL = process.env.ADDIN_PRODUCTION_URL || "https://cchc.example.gov.vn/addin/";

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

/** The pages load only themselves and Office.js; no other network access. */
function contentSecurityPolicy(dev) {
  const office = "https://appsforoffice.microsoft.com";
  const devConnect = dev ? " wss://localhost:* https://localhost:*" : "";
  return [
    "default-src 'self'",
    `script-src 'self' ${office}`,
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

async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

module.exports = async (env, options) => {
  env = env || {};
  const dev = options.mode === "development";
  const csp = contentSecurityPolicy(dev);
  const page = (name, template, chunks) =>
    new HtmlWebpackPlugin({ filename: `${name}.html`, template, chunks, csp });
  const entry = {
    taskpane: "./src/taskpane/index.tsx",
    commands: "./src/commands/index.ts",
    dialog: "./src/dialog/dialog.ts",
  };
  const pages = [
    page("taskpane", "./src/taskpane/taskpane.html", ["taskpane"]),
    page("commands", "./src/commands/commands.html", ["commands"]),
    page("dialog", "./src/dialog/dialog.html", ["dialog"]),
  ];
  if (env.preview) {
    // Test-only page: the real pane against a fake workbook holding the bundled sample.
    entry.preview = "./test/browser/preview.tsx";
    pages.push(page("preview", "./test/browser/preview.html", ["preview"]));
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
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
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
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              if (dev) return content;
              // Page and icon URLs move under PRODUCTION_URL; the AppDomain is its origin.
              return content
                .toString()
                .replace(new RegExp(DEV_URL, "g"), PRODUCTION_URL)
                .replace(new RegExp(DEV_URL.slice(0, -1), "g"), new URL(PRODUCTION_URL).origin);
            },
          },
        ],
      }),
      ...pages,
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
