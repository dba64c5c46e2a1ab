/** Messages of the glossary view, under the `glossary` namespace. */
export default {
  zh: {},
  en: {},
};
