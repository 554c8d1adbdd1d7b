pub fn placeholder_workspace_wiring() {}
