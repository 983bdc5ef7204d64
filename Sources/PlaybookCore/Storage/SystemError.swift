import Glibc

/// Plain-language names for the errno values a user can act on.
public enum SystemError {
    /// The words for errno `code` in `lang`.
    public static func describe(_ code: Int32, _ lang: Language) -> String {
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
        case ENAMETOOLONG:
            return lang.pick(en: "the name is too long (at most 255 bytes for a file name)", fr: "nom trop long (255 octets au plus pour un nom de fichier)")
        case ENXIO, ENODEV: return lang.pick(en: "no such device (is there a terminal?)", fr: "périphérique introuvable (y a-t-il un terminal ?)")
        case EBUSY, ETXTBSY: return lang.pick(en: "busy: in use by another program", fr: "occupé : utilisé par un autre programme")
        case EMFILE, ENFILE: return lang.pick(en: "too many open files", fr: "trop de fichiers ouverts")
        case ENOMEM: return lang.pick(en: "out of memory", fr: "mémoire insuffisante")
        case EXDEV: return lang.pick(en: "not on the same file system", fr: "pas sur le même système de fichiers")
        case ENOTEMPTY: return lang.pick(en: "the folder is not empty", fr: "le dossier n’est pas vide")
        case EINVAL: return lang.pick(en: "invalid argument for this file or file system", fr: "argument invalide pour ce fichier ou ce système de fichiers")
        case EBADF: return lang.pick(en: "it is closed", fr: "elle est fermée")
        case EPIPE: return lang.pick(en: "the reader has gone (broken pipe)", fr: "le lecteur est parti (tube cassé)")
        case EAGAIN: return lang.pick(en: "temporarily unavailable; try again", fr: "temporairement indisponible ; réessayez")
        default:
            // A code nobody here has met: the system's own words (English) beside the number.
            let words = strerror(code).map { String(cString: $0) } ?? ""
            return lang.pick(en: "system error \(code)", fr: "erreur système \(code)") + (words.isEmpty ? "" : " (\(words))")
        }
    }
}
