// Foothold's settings for this Camunda webapp (replaces the webapp's default config.js).
export default {
  app: {
    name: 'Tasklist',
    vendor: 'Foothold'
  },
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  disableWelcomeMessage: true,
  // Plugins of Foothold's own (files beside this one, loaded as ES modules).
  customScripts: ['scripts/foothold-overview']
};
