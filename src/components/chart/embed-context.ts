import type { InjectionKey, Ref } from 'vue';

/** An embed: the one chart card shown (null in the app), and the hash of the data loaded now. */
export interface EmbedContext {
  readonly card: string | null;
  readonly hash: string | null;
}

/** Provided by App.vue; read by every chart card (to show itself alone, and to make embed snippets). */
export const EMBED_KEY: InjectionKey<Readonly<Ref<EmbedContext>>> = Symbol('embed');
