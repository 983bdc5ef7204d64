/// SHA-256 (FIPS 180-4), used to fingerprint the catalogue an assessment was made with.
public enum SHA256 {
    fileprivate static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The digest of `bytes` as 64 lowercase hexadecimal digits.
    public static func hex(_ bytes: [UInt8]) -> String {
        var hasher = Hasher()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// An incremental SHA-256: the catalogue's canonical form is hashed as it is written, so a
    /// catalogue of 10,000 rules never holds a second copy of itself (tens of megabytes) in memory.
    public struct Hasher {
        private var state = State()
        /// Bytes waiting for a whole 64-byte block.
        private var pending: [UInt8] = []
        private var length: UInt64 = 0

        public init() {
            pending.reserveCapacity(64)
        }

        public mutating func update(_ bytes: [UInt8]) {
            bytes.withUnsafeBufferPointer { update($0) }
        }

        public mutating func update(_ input: UnsafeBufferPointer<UInt8>) {
            guard let base = input.baseAddress, input.count > 0 else { return }
            length &+= UInt64(input.count)
            var offset = 0
            if !pending.isEmpty {
                let take = min(64 - pending.count, input.count)
                pending.append(contentsOf: UnsafeBufferPointer(start: base, count: take))
                offset = take
                guard pending.count == 64 else { return }
                pending.withUnsafeBufferPointer { state.compress($0.baseAddress!, blocks: 1) }
                pending.removeAll(keepingCapacity: true)
            }
            // Whole blocks are hashed where they lie; only a tail shorter than a block is kept.
            let blocks = (input.count - offset) / 64
            if blocks > 0 { state.compress(base + offset, blocks: blocks) }
            offset += blocks * 64
            pending.append(contentsOf: UnsafeBufferPointer(start: base + offset, count: input.count - offset))
        }

        /// The digest as 64 lowercase hexadecimal digits (the hasher is spent).
        public mutating func finalize() -> String {
            var tail = pending
            let bitLength = length &* 8
            tail.append(0x80)
            while tail.count % 64 != 56 { tail.append(0) }
            for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
            tail.withUnsafeBufferPointer { state.compress($0.baseAddress!, blocks: $0.count / 64) }
            let digits = Array("0123456789abcdef".utf8)
            var out: [UInt8] = []
            out.reserveCapacity(64)
            let s = state
            for word in [s.a, s.b, s.c, s.d, s.e, s.f, s.g, s.h] {
                for shift in stride(from: 28, through: 0, by: -4) { out.append(digits[Int((word >> UInt32(shift)) & 0xF)]) }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The eight working words between blocks.
    fileprivate struct State {
        var a: UInt32 = 0x6a09e667, b: UInt32 = 0xbb67ae85, c: UInt32 = 0x3c6ef372, d: UInt32 = 0xa54ff53a
        var e: UInt32 = 0x510e527f, f: UInt32 = 0x9b05688c, g: UInt32 = 0x1f83d9ab, h: UInt32 = 0x5be0cd19

        /// The compression function (FIPS 180-4 §6.2.2) over `blocks` consecutive 64-byte blocks.
        mutating func compress(_ data: UnsafePointer<UInt8>, blocks: Int) {
            SHA256.k.withUnsafeBufferPointer { k in
                withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
                    compress(data, blocks: blocks, k: k.baseAddress!, w: schedule.baseAddress!)
                }
            }
        }

        /// The whole schedule is expanded first, with the round constants added, into 64 words on
        /// the stack; the rounds are then written out eight at a time with the working words
        /// renamed instead of shifted, and read one word each, which leaves the registers to them.
        private mutating func compress(_ data: UnsafePointer<UInt8>, blocks: Int, k: UnsafePointer<UInt32>, w: UnsafeMutablePointer<UInt32>) {
            var block = data
            for _ in 0..<blocks {
                let raw = UnsafeRawPointer(block)
                for i in 0..<16 { w[i] = UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)) }
                // W[t] = σ1(W[t−2]) + W[t−7] + σ0(W[t−15]) + W[t−16]
                for i in 16..<64 {
                    let w15 = w[i - 15], w2 = w[i - 2]
                    let s0 = SHA256.rotr(w15, 7) ^ SHA256.rotr(w15, 18) ^ (w15 &>> 3)
                    let s1 = SHA256.rotr(w2, 17) ^ SHA256.rotr(w2, 19) ^ (w2 &>> 10)
                    w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                }
                for i in 0..<64 { w[i] = w[i] &+ k[i] }
                var a = self.a, b = self.b, c = self.c, d = self.d, e = self.e, f = self.f, g = self.g, h = self.h
                var bc = b ^ c
                var t = 0
                while t < 64 {
                    SHA256.round(a, b, c, &d, e, f, g, &h, w[t], &bc)
                    SHA256.round(h, a, b, &c, d, e, f, &g, w[t + 1], &bc)
                    SHA256.round(g, h, a, &b, c, d, e, &f, w[t + 2], &bc)
                    SHA256.round(f, g, h, &a, b, c, d, &e, w[t + 3], &bc)
                    SHA256.round(e, f, g, &h, a, b, c, &d, w[t + 4], &bc)
                    SHA256.round(d, e, f, &g, h, a, b, &c, w[t + 5], &bc)
                    SHA256.round(c, d, e, &f, g, h, a, &b, w[t + 6], &bc)
                    SHA256.round(b, c, d, &e, f, g, h, &a, w[t + 7], &bc)
                    t += 8
                }
                self.a &+= a; self.b &+= b; self.c &+= c; self.d &+= d
                self.e &+= e; self.f &+= f; self.g &+= g; self.h &+= h
                block += 64
            }
        }
    }

    /// One round; the caller renames the working words rather than moving them. Maj reuses the
    /// previous round's a ^ b, which is this round's b ^ c. Σ1 and Σ0 keep their three rotations
    /// side by side: nesting them saves instructions but lengthens the chain from one round to
    /// the next, and measured 10% slower.
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32, _ bc: inout UInt32
    ) {
        let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
        let ch = g ^ (e & (f ^ g))
        let t1 = h &+ s1 &+ ch &+ kw
        let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
        let ab = a ^ b
        let maj = b ^ (ab & bc)
        bc = ab
        d = d &+ t1
        h = t1 &+ s0 &+ maj
    }

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 &- n)) }
}
