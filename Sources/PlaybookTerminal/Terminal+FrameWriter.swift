import CNcursesw
import Glibc
import PlaybookTUI

/// Drawing through the frame writer: ncurses keeps the terminal, the checklist writes the cells.
extension Terminal {
    /// Puts the cursor back where ncurses believes it is, before ncurses moves it itself (end, suspend).
    func homeCursor() {
        guard var writer, let position = writer.position, position != (0, 0) else { return }
        self.writer = nil
        let empty = Screen(width: 0, height: 0)
        write(writer.bytes(from: empty, to: empty, cursor: nil))
        self.writer = writer
    }

    /// Writes all of `bytes` to the terminal, past interruptions and partial writes.
    private func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = Glibc.write(1, buffer.baseAddress! + done, buffer.count - done)
                if n > 0 {
                    done += n
                } else if n < 0, errno == EINTR || errno == EAGAIN {
                    continue
                } else {
                    return
                }
            }
        }
    }

    /// Draws `screen` with the frame writer: the bytes for what changed since the last frame, in
    /// one write. After a resize or a forced redraw, ncurses clears the screen first.
    func drawDirectly(_ screen: Screen, cursor: (x: Int, y: Int)?, writer: inout FrameWriter) {
        var previous = lastDrawn ?? Screen(width: 0, height: 0)
        if previous.width != screen.width || previous.height != screen.height {
            clearok(pb_curscr(), true)
            erase()
            wmove(pb_stdscr(), 0, 0)
            wrefresh(pb_stdscr())
            writer.position = (0, 0)
            previous = Screen(width: screen.width, height: screen.height)
        }
        let shown = cursor.map { $0.y >= 0 && $0.y < screen.height && $0.x >= 0 && $0.x < screen.width } ?? false
        if !shown { curs_set(0) }
        write(writer.bytes(from: previous, to: screen, cursor: shown ? cursor : nil))
        if shown { curs_set(1) }
        lastDrawn = screen
    }
}
