/** Messages the property services share, so pages, actions and the API word them the same way. */
export const propertyNotFoundMessage = "This property does not exist.";

export const stalePropertyMessage = "This property was changed by someone else since you opened it. Reload it to see the changes.";

export const adminOnlyMessage = "Only Admins manage properties.";

export const typeChangeMessage =
  "A property's type cannot be changed: its values are stored in that type's form. Create a new property of the other type instead.";

export const targetChangeMessage = "A property stays on what it applies to: create a new property for the other target instead.";

export const relationTargetChangeMessage =
  "A relation's target cannot be changed: its values name users or objects of that target. Create a new relation instead.";
