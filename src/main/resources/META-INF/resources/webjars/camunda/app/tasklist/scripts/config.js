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
  // Foothold's own plugins (files beside this one, loaded as ES modules): the case overview in the header,
  // and drafts that keep typed answers across tab and task switches.
  customScripts: ['scripts/foothold-overview', 'scripts/foothold-drafts']
};
