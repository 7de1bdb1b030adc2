// Stands in for the "server-only" marker package, which throws outside Next's react-server condition.
export {};
