/** Messages the property services share (catalogue keys), so pages, actions and the API word them the same way. */
export const propertyNotFoundMessage = "adminProperties.errors.notFound";

export const stalePropertyMessage = "adminProperties.errors.stale";

export const adminOnlyMessage = "adminProperties.errors.adminOnly";

export const typeChangeMessage = "adminProperties.errors.typeChange";

export const targetChangeMessage = "adminProperties.errors.targetChange";

export const relationTargetChangeMessage = "adminProperties.errors.relationTargetChange";

export const nameTakenMessage = "adminProperties.errors.nameTaken";

export const optionLabelsClashMessage = "adminProperties.errors.optionLabelsClash";

export const optionsOnlyForChoicesMessage = "adminProperties.errors.optionsOnlyForChoices";

export const targetOnlyForRelationsMessage = "adminProperties.errors.targetOnlyForRelations";
