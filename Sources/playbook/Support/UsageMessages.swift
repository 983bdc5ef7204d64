/// swift-argument-parser writes its usage errors in English; the phrases it uses are few and
/// fixed, so a French user gets them translated here rather than half in one language.
enum UsageMessages {
    private static let french: [(String, String)] = [
        ("Error: ", "Erreur : "),
        ("Usage: ", "Utilisation : "),
        (". Did you mean '", ". Vouliez-vous dire '"),
        ("'?", "' ?"),
        ("  See '", "  Voir « "),
        ("' for more information.", " » pour plus d’informations."),
        ("Unexpected argument '", "Argument inattendu '"),
        (" unexpected arguments: '", " arguments inattendus : '"),
        ("Missing expected argument '", "Argument attendu manquant '"),
        ("Missing one of: '", "Il manque l’un de : '"),
        ("Unknown option '", "Option inconnue '"),
        ("Missing value for '", "Valeur manquante pour '"),
        ("The value '", "La valeur '"),
        ("' is invalid for '", "' n’est pas valide pour '"),
        ("' is invalid.", "' n’est pas valide."),
        (". Please provide one of the following:", ". Valeurs possibles :"),
        (". Please provide one of ", ". Valeurs possibles : "),
        ("Invalid option: ", "Option invalide : "),
        ("' or '", "' ou '"),
        ("Help:  ", "Aide :  "),
        ("Missing required subcommand.", "Sous-commande manquante."),
        // The labels of the help screens.
        ("OVERVIEW: ", "DESCRIPTION : "),
        ("USAGE: ", "UTILISATION : "),
        ("\nARGUMENTS:\n", "\nARGUMENTS :\n"),
        ("\nOPTIONS:\n", "\nOPTIONS :\n"),
        ("\nSUBCOMMANDS:\n", "\nSOUS-COMMANDES :\n"),
        ("(values:", "(valeurs :"),
        ("; default:", " ; par défaut :"),
        ("(default:", "(par défaut :"),
        ("default:", "par défaut :"),
        ("Show the version.", "Afficher la version."),
        ("Show help information.", "Afficher l’aide."),
        ("<subcommand>", "<sous-commande>"),
        ("' for detailed help.", " » pour l’aide détaillée."),
        ("(default)", "(par défaut)"),
    ]

    /// `message` in the interface language.
    static func localized(_ message: String) -> String {
        guard interfaceLanguage == .fr else { return message }
        var out = message
        for (en, fr) in french { out = out.replacing(en, with: fr) }
        return out
    }
}
