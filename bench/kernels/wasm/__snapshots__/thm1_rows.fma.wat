(module
  (type $t0 (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)))
  (import "env" "mem" (memory $env.mem 1 32768 shared))
  (func $thm1_rows (export "thm1_rows") (type $t0) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32) (param $p4 i32) (param $p5 i32) (param $p6 i32) (param $p7 i32) (param $p8 i32) (param $p9 i32) (param $p10 i32) (param $p11 i32) (param $p12 i32) (param $p13 i32) (param $p14 i32) (param $p15 i32)
    (local $l16 i32) (local $l17 i32) (local $l18 i32) (local $l19 i32) (local $l20 i32) (local $l21 i32) (local $l22 i32) (local $l23 i32) (local $l24 i32) (local $l25 i32) (local $l26 i32) (local $l27 i32) (local $l28 i32) (local $l29 i32) (local $l30 i32) (local $l31 i32) (local $l32 i32) (local $l33 i32) (local $l34 i32) (local $l35 i32) (local $l36 i32) (local $l37 i32) (local $l38 i32) (local $l39 i32) (local $l40 i32) (local $l41 v128) (local $l42 v128) (local $l43 v128) (local $l44 v128) (local $l45 v128) (local $l46 v128)
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    local.set $l46
    local.get $p12
    i32.const 2
    i32.mul
    local.get $p14
    i32.add
    local.get $p12
    local.get $p12
    i32.const 1
    i32.add
    i32.mul
    i32.const 2
    i32.div_s
    i32.add
    i32.const 1
    i32.add
    local.set $l35
    local.get $p10
    local.set $l30
    local.get $l30
    local.get $p12
    i32.const 16
    i32.mul
    i32.add
    local.set $l31
    local.get $l31
    local.get $p13
    i32.const 16
    i32.mul
    i32.add
    local.set $l32
    local.get $l32
    local.get $p14
    i32.const 16
    i32.mul
    i32.add
    local.set $l33
    local.get $l33
    local.get $p12
    i32.const 16
    i32.mul
    i32.add
    local.set $l34
    block $B0
      loop $L1
        local.get $p0
        i32.const 1
        i32.atomic.rmw.add
        local.get $p1
        i32.mul
        local.tee $l16
        local.get $p15
        i32.ge_s
        br_if $B0
        local.get $l16
        local.get $p1
        i32.add
        local.set $l17
        local.get $l17
        local.get $p15
        i32.gt_s
        if $I2
          local.get $p15
          local.set $l17
        end
        block $B3
          loop $L4
            local.get $l16
            local.get $l17
            i32.ge_s
            br_if $B3
            local.get $p2
            local.get $l16
            local.get $p11
            i32.mul
            local.get $p12
            i32.mul
            i32.const 8
            i32.mul
            i32.add
            local.set $l23
            local.get $p3
            local.get $l16
            local.get $p11
            i32.mul
            i32.const 8
            i32.mul
            i32.add
            local.set $l28
            local.get $p4
            local.get $l16
            local.get $p13
            i32.mul
            local.get $p12
            i32.mul
            i32.const 8
            i32.mul
            i32.add
            local.set $l24
            local.get $p5
            local.get $l16
            local.get $p13
            i32.mul
            i32.const 8
            i32.mul
            i32.add
            local.set $l29
            local.get $p6
            local.get $l16
            local.get $p14
            i32.mul
            local.get $p13
            i32.mul
            i32.const 8
            i32.mul
            i32.add
            local.set $l25
            local.get $p7
            local.get $l16
            local.get $p12
            i32.mul
            i32.const 8
            i32.mul
            i32.add
            local.set $l27
            local.get $p8
            local.get $l16
            local.get $p12
            i32.mul
            local.get $p14
            i32.mul
            i32.const 8
            i32.mul
            i32.add
            local.set $l26
            i32.const 0
            local.set $l19
            block $B5
              local.get $l19
              local.get $l35
              i32.ge_s
              br_if $B5
              loop $L6
                local.get $l34
                local.get $l19
                i32.const 16
                i32.mul
                i32.add
                local.get $l46
                v128.store
                local.get $l19
                i32.const 1
                i32.add
                local.set $l19
                local.get $l19
                local.get $l35
                i32.lt_s
                br_if $L6
              end
            end
            i32.const 0
            local.set $l18
            block $B7
              local.get $l18
              local.get $p11
              i32.ge_s
              br_if $B7
              loop $L8
                local.get $l23
                local.get $l18
                local.get $p12
                i32.mul
                i32.const 8
                i32.mul
                i32.add
                local.set $l36
                local.get $l36
                local.get $p12
                i32.const 8
                i32.mul
                i32.add
                local.set $l37
                i32.const 0
                local.set $l19
                block $B9
                  local.get $l19
                  local.get $p12
                  i32.ge_s
                  br_if $B9
                  loop $L10
                    local.get $l30
                    local.get $l19
                    i32.const 16
                    i32.mul
                    i32.add
                    local.get $l36
                    local.get $l19
                    i32.const 8
                    i32.mul
                    i32.add
                    f64.load
                    f64x2.splat
                    local.get $l37
                    local.get $l19
                    i32.const 8
                    i32.mul
                    i32.add
                    f64.load
                    f64x2.replace_lane 1
                    v128.store
                    local.get $l19
                    i32.const 1
                    i32.add
                    local.set $l19
                    local.get $l19
                    local.get $p12
                    i32.lt_s
                    br_if $L10
                  end
                end
                local.get $l24
                local.set $l38
                i32.const 0
                local.set $l21
                block $B11
                  local.get $l21
                  local.get $p13
                  i32.ge_s
                  br_if $B11
                  loop $L12
                    local.get $l29
                    local.get $l21
                    i32.const 8
                    i32.mul
                    i32.add
                    v128.load64_splat
                    local.set $l41
                    i32.const 0
                    local.set $l19
                    block $B13
                      local.get $l19
                      local.get $p12
                      i32.ge_s
                      br_if $B13
                      loop $L14
                        local.get $l38
                        v128.load64_splat
                        local.get $l30
                        local.get $l19
                        i32.const 16
                        i32.mul
                        i32.add
                        v128.load
                        local.get $l41
                        f64x2.relaxed_madd
                        local.set $l41
                        local.get $l38
                        i32.const 8
                        i32.add
                        local.set $l38
                        local.get $l19
                        i32.const 1
                        i32.add
                        local.set $l19
                        local.get $l19
                        local.get $p12
                        i32.lt_s
                        br_if $L14
                      end
                    end
                    local.get $l31
                    local.get $l21
                    i32.const 16
                    i32.mul
                    i32.add
                    local.get $l41
                    local.get $l46
                    f64x2.max
                    v128.store
                    local.get $l21
                    i32.const 1
                    i32.add
                    local.set $l21
                    local.get $l21
                    local.get $p13
                    i32.lt_s
                    br_if $L12
                  end
                end
                local.get $l25
                local.set $l38
                i32.const 0
                local.set $l22
                block $B15
                  local.get $l22
                  local.get $p14
                  i32.ge_s
                  br_if $B15
                  loop $L16
                    local.get $l46
                    local.set $l41
                    i32.const 0
                    local.set $l21
                    block $B17
                      local.get $l21
                      local.get $p13
                      i32.ge_s
                      br_if $B17
                      loop $L18
                        local.get $l38
                        v128.load64_splat
                        local.get $l31
                        local.get $l21
                        i32.const 16
                        i32.mul
                        i32.add
                        v128.load
                        local.get $l41
                        f64x2.relaxed_madd
                        local.set $l41
                        local.get $l38
                        i32.const 8
                        i32.add
                        local.set $l38
                        local.get $l21
                        i32.const 1
                        i32.add
                        local.set $l21
                        local.get $l21
                        local.get $p13
                        i32.lt_s
                        br_if $L18
                      end
                    end
                    local.get $l32
                    local.get $l22
                    i32.const 16
                    i32.mul
                    i32.add
                    local.get $l41
                    v128.store
                    local.get $l22
                    i32.const 1
                    i32.add
                    local.set $l22
                    local.get $l22
                    local.get $p14
                    i32.lt_s
                    br_if $L16
                  end
                end
                local.get $l46
                local.set $l42
                local.get $l26
                local.set $l38
                i32.const 0
                local.set $l19
                block $B19
                  local.get $l19
                  local.get $p12
                  i32.ge_s
                  br_if $B19
                  loop $L20
                    local.get $l30
                    local.get $l19
                    i32.const 16
                    i32.mul
                    i32.add
                    v128.load
                    local.set $l41
                    i32.const 0
                    local.set $l22
                    block $B21
                      local.get $l22
                      local.get $p14
                      i32.ge_s
                      br_if $B21
                      loop $L22
                        local.get $l38
                        v128.load64_splat
                        local.get $l32
                        local.get $l22
                        i32.const 16
                        i32.mul
                        i32.add
                        v128.load
                        local.get $l41
                        f64x2.relaxed_madd
                        local.set $l41
                        local.get $l38
                        i32.const 8
                        i32.add
                        local.set $l38
                        local.get $l22
                        i32.const 1
                        i32.add
                        local.set $l22
                        local.get $l22
                        local.get $p14
                        i32.lt_s
                        br_if $L22
                      end
                    end
                    local.get $l33
                    local.get $l19
                    i32.const 16
                    i32.mul
                    i32.add
                    local.get $l41
                    v128.store
                    local.get $l41
                    local.get $l27
                    local.get $l19
                    i32.const 8
                    i32.mul
                    i32.add
                    v128.load64_splat
                    local.get $l42
                    f64x2.relaxed_madd
                    local.set $l42
                    local.get $l19
                    i32.const 1
                    i32.add
                    local.set $l19
                    local.get $l19
                    local.get $p12
                    i32.lt_s
                    br_if $L20
                  end
                end
                local.get $l28
                local.get $l18
                i32.const 8
                i32.mul
                i32.add
                v128.load
                local.set $l44
                local.get $l42
                local.get $l44
                f64x2.sub
                local.set $l43
                local.get $l34
                local.tee $l39
                local.get $l43
                local.get $l43
                local.get $l39
                v128.load
                f64x2.relaxed_madd
                v128.store
                i32.const 0
                local.set $l19
                block $B23
                  local.get $l19
                  local.get $p12
                  i32.ge_s
                  br_if $B23
                  loop $L24
                    local.get $l34
                    i32.const 16
                    i32.add
                    local.get $l19
                    i32.const 16
                    i32.mul
                    i32.add
                    local.tee $l39
                    local.get $l33
                    local.get $l19
                    i32.const 16
                    i32.mul
                    i32.add
                    v128.load
                    local.get $l43
                    local.get $l39
                    v128.load
                    f64x2.relaxed_madd
                    v128.store
                    local.get $l34
                    local.get $p12
                    local.get $p14
                    i32.add
                    i32.const 1
                    i32.add
                    i32.const 16
                    i32.mul
                    i32.add
                    local.get $l19
                    i32.const 16
                    i32.mul
                    i32.add
                    local.tee $l39
                    local.get $l30
                    local.get $l19
                    i32.const 16
                    i32.mul
                    i32.add
                    v128.load
                    local.get $l44
                    local.get $l39
                    v128.load
                    f64x2.relaxed_madd
                    v128.store
                    local.get $l19
                    i32.const 1
                    i32.add
                    local.set $l19
                    local.get $l19
                    local.get $p12
                    i32.lt_s
                    br_if $L24
                  end
                end
                i32.const 0
                local.set $l22
                block $B25
                  local.get $l22
                  local.get $p14
                  i32.ge_s
                  br_if $B25
                  loop $L26
                    local.get $l34
                    local.get $p12
                    i32.const 1
                    i32.add
                    i32.const 16
                    i32.mul
                    i32.add
                    local.get $l22
                    i32.const 16
                    i32.mul
                    i32.add
                    local.tee $l39
                    local.get $l32
                    local.get $l22
                    i32.const 16
                    i32.mul
                    i32.add
                    v128.load
                    local.get $l43
                    local.get $l39
                    v128.load
                    f64x2.relaxed_madd
                    v128.store
                    local.get $l22
                    i32.const 1
                    i32.add
                    local.set $l22
                    local.get $l22
                    local.get $p14
                    i32.lt_s
                    br_if $L26
                  end
                end
                local.get $p12
                i32.const 2
                i32.mul
                local.get $p14
                i32.add
                i32.const 1
                i32.add
                local.set $l40
                i32.const 0
                local.set $l19
                block $B27
                  local.get $l19
                  local.get $p12
                  i32.ge_s
                  br_if $B27
                  loop $L28
                    local.get $l30
                    local.get $l19
                    i32.const 16
                    i32.mul
                    i32.add
                    v128.load
                    local.set $l45
                    i32.const 0
                    local.set $l20
                    block $B29
                      local.get $l20
                      local.get $l19
                      i32.ge_s
                      br_if $B29
                      loop $L30
                        local.get $l34
                        local.get $l40
                        i32.const 16
                        i32.mul
                        i32.add
                        local.tee $l39
                        local.get $l45
                        local.get $l30
                        local.get $l20
                        i32.const 16
                        i32.mul
                        i32.add
                        v128.load
                        local.get $l39
                        v128.load
                        f64x2.relaxed_madd
                        v128.store
                        local.get $l40
                        i32.const 1
                        i32.add
                        local.set $l40
                        local.get $l20
                        i32.const 1
                        i32.add
                        local.set $l20
                        local.get $l20
                        local.get $l19
                        i32.lt_s
                        br_if $L30
                      end
                    end
                    local.get $l34
                    local.get $l40
                    i32.const 16
                    i32.mul
                    i32.add
                    local.tee $l39
                    local.get $l45
                    local.get $l45
                    local.get $l39
                    v128.load
                    f64x2.relaxed_madd
                    v128.store
                    local.get $l40
                    i32.const 1
                    i32.add
                    local.set $l40
                    local.get $l19
                    i32.const 1
                    i32.add
                    local.set $l19
                    local.get $l19
                    local.get $p12
                    i32.lt_s
                    br_if $L28
                  end
                end
                local.get $l18
                i32.const 2
                i32.add
                local.set $l18
                local.get $l18
                local.get $p11
                i32.lt_s
                br_if $L8
              end
            end
            i32.const 0
            local.set $l19
            block $B31
              local.get $l19
              local.get $l35
              i32.ge_s
              br_if $B31
              loop $L32
                local.get $p9
                local.get $l16
                local.get $l35
                i32.mul
                local.get $l19
                i32.add
                i32.const 8
                i32.mul
                i32.add
                local.get $l34
                local.get $l19
                i32.const 16
                i32.mul
                i32.add
                v128.load
                local.set $l41
                local.get $l41
                f64x2.extract_lane 0
                local.get $l41
                f64x2.extract_lane 1
                f64.add
                f64.store
                local.get $l19
                i32.const 1
                i32.add
                local.set $l19
                local.get $l19
                local.get $l35
                i32.lt_s
                br_if $L32
              end
            end
            local.get $l16
            i32.const 1
            i32.add
            local.set $l16
            br $L4
          end
        end
        br $L1
      end
    end))
