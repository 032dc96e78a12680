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
  // keeps typed answers across tab and task switches (see the script)
  customScripts: ['scripts/foothold-drafts']
};
