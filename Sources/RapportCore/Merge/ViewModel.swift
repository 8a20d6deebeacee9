/// The values a template sees: an object of named `TemplateValue`s, made
/// from the typed domain by `ViewModelBuilder` and its siblings, never by
/// reflection. Every name is declared in `TemplateVocabulary`.
public typealias ViewModel = TemplateObject
