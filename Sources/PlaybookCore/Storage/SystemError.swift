import Glibc

/// Plain-language names for the errno values a user can act on.
enum SystemError {
    static func describe(_ code: Int32, _ lang: Language) -> String {
        switch code {
        case ENOENT: return lang.pick(en: "no such file or folder", fr: "fichier ou dossier introuvable")
        case EACCES, EPERM: return lang.pick(en: "permission denied", fr: "permission refusée")
        case ENOSPC: return lang.pick(en: "no space left on the device", fr: "plus de place sur le disque")
        case EDQUOT: return lang.pick(en: "disk quota exceeded", fr: "quota disque dépassé")
        case EFBIG: return lang.pick(en: "file too large for this system", fr: "fichier trop grand pour ce système")
        case EROFS: return lang.pick(en: "read-only file system", fr: "système de fichiers en lecture seule")
        case EISDIR: return lang.pick(en: "is a folder", fr: "est un dossier")
        case ENOTDIR: return lang.pick(en: "a part of the path is not a folder", fr: "une partie du chemin n’est pas un dossier")
        case EEXIST: return lang.pick(en: "already exists", fr: "existe déjà")
        case ELOOP: return lang.pick(en: "too many symbolic links", fr: "trop de liens symboliques")
        case EIO: return lang.pick(en: "input/output error", fr: "erreur d’entrée-sortie")
        default:
            return lang.pick(en: "system error \(code)", fr: "erreur système \(code)")
        }
    }
}
