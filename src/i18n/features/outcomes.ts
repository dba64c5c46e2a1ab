/** Messages of the outcomes view, under the `outcomes` namespace. */
export default {
  zh: {},
  en: {},
};
