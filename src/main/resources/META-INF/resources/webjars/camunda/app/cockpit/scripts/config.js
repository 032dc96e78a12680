// Foothold's settings for this Camunda webapp (replaces the webapp's default config.js).
export default {
  app: {
    name: 'Cockpit',
    vendor: 'Foothold'
  },
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  disableWelcomeMessage: true
};
