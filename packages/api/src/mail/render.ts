import { plainTextSelectors } from "@react-email/render";
import { compile } from "html-to-text";
import type * as ReactDomServer from "react-dom/server";
import { templates, type Template, type TemplateName, type TemplateProps } from "./templates";

// What react-email's `render` puts before the markup.
const DOCTYPE = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

// Imported when the first email is rendered, as react-email does: this module is reached from the
// apps' routes, and Next refuses a static import of react-dom/server in an app's server bundle.
let reactDomServer: Promise<typeof ReactDomServer> | undefined;

// react-email's toPlainText with its options compiled once: its `convert` compiles them on every
// call, most of the conversion's CPU (0.94 -> 0.17 ms per order confirmation, production build).
const toPlainText = compile({ wordwrap: false, selectors: plainTextSelectors });

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Renders a template to its subject, HTML and plain-text alternative. */
export async function renderEmail<N extends TemplateName>(name: N, props: TemplateProps<N>): Promise<RenderedEmail> {
  // Indexing the map with a generic name gives a union TypeScript cannot call; the name ties the props to it.
  const template = templates[name] as unknown as Template<TemplateProps<N>>;
  const element = template.element(props);
  // One React render, synchronous and static: react-email's `render` streams the same tree through
  // web streams and adds the hydration markers (<!-- -->) an email never uses; 1.75 -> 0.36 ms of
  // CPU per order confirmation (production React). The templates load nothing (no Suspense, no
  // images to preload). The plain text is converted from the same HTML (what `render(element, {
  // plainText: true })` does after rendering the tree a second time).
  const { renderToStaticMarkup } = await (reactDomServer ??= import("react-dom/server"));
  const html = DOCTYPE + renderToStaticMarkup(element);
  return { subject: template.subject(props), html, text: toPlainText(html) };
}
