/** Defines a custom element once (a second bundle or a test re-import must not throw). */
export function define(tag: string, element: CustomElementConstructor): void {
  if (customElements.get(tag) === undefined) customElements.define(tag, element);
}
