/**
 * What deployed models may reach. Deploying a model is running code on the engine, so Foothold decides, inside
 * the engine, what a model can do: its expressions resolve only the beans playbooks contribute ({@link
 * io.foothold.modelguard.ModelBeans}) and never reach the engine's services, class loaders or reflection
 * ({@link io.foothold.modelguard.ModelReach}); scripts do not run at all. Every deployment, by any path (playbook
 * folders, live reload, plugins, REST, Java API), passes {@link io.foothold.modelguard.ModelCheck} first.
 */
package io.foothold.modelguard;
