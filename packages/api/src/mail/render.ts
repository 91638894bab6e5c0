import { render } from "@react-email/render";
import { templates, type Template, type TemplateName, type TemplateProps } from "./templates";

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
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: template.subject(props), html, text };
}
