/* eslint-disable no-undef */
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
  const dev = options.mode === "development";
  const csp = contentSecurityPolicy(dev);
  const page = (name, template, chunks) => new HtmlWebpackPlugin({ filename: `${name}.html`, template, chunks, csp });
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
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: true } } },
        },
      ],
    },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/dialog/dialog.css", to: "dialog.css" },
          { from: "src/help.html", to: "help.html" },
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
